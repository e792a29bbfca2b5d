/**
 * Disjoint sets over record indices (union by size, path halving): near-constant time per operation.
 *
 * @module
 */

/** Union-find over `0 … n-1` (internal). */
export class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  /** The representative of `i`'s set. */
  find(i: number): number {
    const parent = this.parent;
    let x = i;
    while (parent[x] !== x) {
      const grand = parent[parent[x]!]!;
      parent[x] = grand;
      x = grand;
    }
    return x;
  }

  /** Joins the sets of `a` and `b`; returns the new representative (or the common one). */
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }
}
