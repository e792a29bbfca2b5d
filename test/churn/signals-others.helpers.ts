import type { SignalReport } from '../../src/churn/index.js';

export function signalOf(report: SignalReport, customerId: string, code: string) {
  return report.customers.find((c) => c.customerId === customerId)?.signals.find((s) => s.code === code);
}

export function strengthOf(report: SignalReport, customerId: string, code: string): number {
  const i = report.customers.findIndex((c) => c.customerId === customerId);
  return report.strengths[i * report.codes.length + report.codes.indexOf(code as never)]!;
}
