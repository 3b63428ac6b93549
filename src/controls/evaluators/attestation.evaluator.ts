import type { Evaluator } from './evaluator.js';
import { failed, noData, passed } from './outcome.js';
import { ageInDays, days, knownFields, problemsOf } from './param-checks.js';
import type { AttestationParams } from './params.js';

const PARAMS = ['maxAgeDays'] as const;

export const attestationEvaluator: Evaluator<AttestationParams> = {
  kind: 'attestation',

  validate(params) {
    return problemsOf(knownFields(params, PARAMS), days(params, 'maxAgeDays'));
  },

  evaluate(params, context) {
    const attestation = context.evidence.attestations.get(context.controlId);
    if (!attestation) return noData('Nobody has attested to this control for this client yet');
    const evidence = {
      attestationId: attestation.id,
      statement: attestation.statement,
      attestedBy: attestation.attestedBy,
      attestedAt: attestation.attestedAt.toISOString(),
      expiresAt: attestation.expiresAt.toISOString(),
      evidenceUrl: attestation.evidenceUrl,
    };
    const by = `attested by ${attestation.attestedBy} on ${attestation.attestedAt.toISOString().slice(0, 10)}`;
    if (attestation.expiresAt <= context.now) return failed(`Attestation expired on ${attestation.expiresAt.toISOString().slice(0, 10)} (${by})`, evidence);
    const age = ageInDays(attestation.attestedAt, context.now);
    if (age > params.maxAgeDays) return failed(`Attestation is ${Math.floor(age)} days old (at most ${params.maxAgeDays} accepted; ${by})`, evidence);
    return passed(`Attested: ${by}, valid until ${attestation.expiresAt.toISOString().slice(0, 10)}`, evidence);
  },
};
