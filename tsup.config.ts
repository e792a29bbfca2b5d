import { defineConfig } from 'tsup';

const modules = ['core', 'profile', 'rfm', 'clv', 'loyalty', 'satisfaction', 'churn', 'synth'] as const;

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(modules.map((name) => [name, `src/${name}/index.ts`])),
  },
  // CommonJS only: the ES-module build is tsc's one file per source file (dist/esm), so that bundlers drop every
  // module an application does not import (a bundled ESM chunk kept the whole kernel: 74 kB for `dayNumber`).
  format: ['cjs'],
  // tsup 8.5 sets `baseUrl` for the dts build; TypeScript 6 rejects it unless deprecations are ignored.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  // Keep: without splitting, classes shared by two entries are duplicated per entry.
  splitting: true,
  treeshake: false,
  target: 'es2022',
  outDir: 'dist',
});
