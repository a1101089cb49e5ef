import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contentSecurityPolicy, devServerContentSecurityPolicy, serviceConnectSources } from '../../../electron/main/security';

// Electronegativity reports "Failed to parse CSP" because RoomReady builds its policy at run
// time. This runs the evaluator the scanner itself uses (Google's CSP Evaluator, as packaged
// by Doyensec) over the policy actually sent, so the accepted finding is backed by its verdict.

const requireFromScanner = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json'));
const evaluator = requireFromScanner('@doyensec/csp-evaluator');

const evaluatorFindingSchema = z.array(z.object({ severity: z.number(), directive: z.string(), description: z.string() }));
const severities = z.object({ HIGH: z.number(), SYNTAX: z.number(), MEDIUM: z.number(), HIGH_MAYBE: z.number(), MEDIUM_MAYBE: z.number() }).parse(evaluator.severities);

/** The findings the scanner's CSP check would weigh: it calls a policy weak on HIGH or MEDIUM ones. */
function evaluate(policy: string): Array<{ level: 'weak' | 'maybe' | 'info'; directive: string; description: string }> {
  const parsed = new evaluator.CspParser(policy);
  const findings = evaluatorFindingSchema.parse(new evaluator.CspEvaluator(parsed.csp, evaluator.Version.CSP3).evaluate());
  return findings.map((finding) => ({
    level: [severities.HIGH, severities.SYNTAX, severities.MEDIUM].includes(finding.severity)
      ? 'weak'
      : [severities.HIGH_MAYBE, severities.MEDIUM_MAYBE].includes(finding.severity)
        ? 'maybe'
        : 'info',
    directive: finding.directive,
    description: finding.description,
  }));
}

describe("the renderer's Content-Security-Policy, by the scanner's own evaluator", () => {
  it('has no high, medium or syntax finding; the one "maybe" is script-src \'self\', which serves only the built app', () => {
    const findings = evaluate(contentSecurityPolicy());
    expect(findings.filter((finding) => finding.level === 'weak')).toEqual([]);
    expect(findings.filter((finding) => finding.level === 'maybe').map((finding) => finding.directive)).toEqual(['script-src']);
  });

  it('stays so with an https probe configured', () => {
    const policy = contentSecurityPolicy({ connectSources: serviceConnectSources(['https://probe.example.org:4790']) });
    expect(evaluate(policy).filter((finding) => finding.level === 'weak')).toEqual([]);
  });

  it('flags only the plain-http connect source of a LAN probe, which the probe needs', () => {
    // Probes on a room's LAN speak http and ws; the policy lets the page reach exactly that origin.
    const policy = contentSecurityPolicy({ connectSources: serviceConnectSources(['http://probe.example.org:4790']) });
    const weak = evaluate(policy).filter((finding) => finding.level === 'weak');
    expect(weak.map((finding) => finding.directive)).toEqual(['connect-src']);
    expect(weak[0]?.description).toContain('HTTPS');
  });

  it('catches a weak policy, so the verdicts above are not vacuous', () => {
    const dev = evaluate(devServerContentSecurityPolicy('http://localhost:5173/'));
    expect(dev.filter((finding) => finding.level === 'weak').map((finding) => finding.directive)).toContain('script-src');
    expect(evaluate("default-src *").filter((finding) => finding.level === 'weak').length).toBeGreaterThan(0);
  });
});
