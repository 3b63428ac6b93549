import { Inject, Injectable } from '@nestjs/common';

import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import type { TenantScope } from '../../database/database.js';
import type { ControlRow } from '../../database/schema.js';
import { ExceptionsRepository } from '../../exceptions/exceptions.repository.js';
import { DEFAULT_POLICY, type Score, scoreResults, type ScoringPolicy } from '../../scoring/scoring.js';
import { dnsNamesFor } from '../evaluators/dns/dns.evaluator.js';
import { DnsTxtResolver } from '../evaluators/dns/dns-resolver.js';
import type { ClientEvidence, EvidenceClient, TxtLookup } from '../evaluators/evaluator.js';
import type { DnsParams, EvaluatorKind } from '../evaluators/params.js';
import { type EffectiveSettings, resolveSettings } from '../settings/effective-settings.js';
import { ControlSettingsRepository, layersByControl } from '../settings/control-settings.repository.js';
import { ClientEvidenceRepository } from './client-evidence.repository.js';
import { type ControlResult, type ControlUnderEvaluation, evaluateControl } from './evaluate-control.js';
import type { AcceptedRisk } from './exceptions.js';

/** A control as stored, with the evaluator a caller may substitute to test an unsaved change. */
export type EvaluableControl = Pick<ControlRow, 'id' | 'key' | 'name' | 'category' | 'severity' | 'evaluatorKind' | 'params'>;

/**
 * Test mode: evaluate this control even where it is disabled, optionally with an unsaved
 * evaluator (whose parameters are taken as they are, without the levels' parameter overrides).
 */
export interface PreviewRequest {
  controlId: string;
  evaluator?: { kind: EvaluatorKind; params: Record<string, unknown> };
}

/** A client's evidence and effective settings, read in one transaction, not yet evaluated. */
export interface GatheredEvaluation extends Omit<ClientEvidence, 'dns'> {
  controls: ControlUnderEvaluation[];
  risks: AcceptedRisk[];
  policy: ScoringPolicy;
}

export interface ClientEvaluation {
  client: EvidenceClient;
  evaluatedAt: Date;
  /** Every enabled control's result; disabled controls are left out entirely. */
  results: ControlResult[];
  score: Score;
  policy: ScoringPolicy;
  /** The newest observation among the client's facts, assets and attestations: how fresh its data is. */
  evidenceAt: Date | null;
}

/**
 * Evaluates controls for one client: gathers its evidence once (DNS only for the names the
 * enabled DNS controls need), resolves each control's settings through the cascade, runs the
 * pure evaluators and scores the results with the one formula.
 */
@Injectable()
export class ClientEvaluationService {
  private readonly dns: DnsTxtResolver;

  constructor(
    private readonly evidence: ClientEvidenceRepository,
    private readonly settings: ControlSettingsRepository,
    private readonly exceptions: ExceptionsRepository,
    @Inject(RAMPART_CONFIG) config: RampartConfig,
  ) {
    this.dns = new DnsTxtResolver({ servers: config.dns.servers, timeoutMs: config.dns.timeoutMs });
  }

  /** Gathers, evaluates and scores in one go; DNS lookups happen inside the caller's transaction. */
  async evaluate(scope: TenantScope, clientId: string, controls: readonly EvaluableControl[], options: { now?: Date; preview?: PreviewRequest } = {}): Promise<ClientEvaluation | null> {
    const gathered = await this.gather(scope, clientId, controls, options.preview);
    return gathered && this.complete(gathered, options.now ?? new Date());
  }

  /**
   * The database half: the client, its evidence, settings and accepted risks. Batch evaluation
   * calls this inside a transaction and `complete` after it, so no transaction waits on DNS.
   */
  async gather(scope: TenantScope, clientId: string, controls: readonly EvaluableControl[], preview?: PreviewRequest): Promise<GatheredEvaluation | null> {
    return (await this.gatherMany(scope, [clientId], controls, preview)).get(clientId) ?? null;
  }

  /** `gather` for several clients with one query per kind of evidence; clients that do not exist are left out. */
  async gatherMany(scope: TenantScope, clientIds: readonly string[], controls: readonly EvaluableControl[], preview?: PreviewRequest): Promise<Map<string, GatheredEvaluation>> {
    const clients = await scope.db
      .selectFrom('clients as c')
      .leftJoin('baselines as b', 'b.name', 'c.baseline')
      .leftJoin('tenants as t', 't.id', 'c.tenantId')
      .select(['c.id', 'c.name', 'c.status', 'c.domains', 'c.seats', 'c.baseline', 'b.id as baselineId', 't.noDataScoring'])
      .where('c.id', 'in', clientIds)
      .execute();
    if (clients.length === 0) return new Map();
    const ids = clients.map((client) => client.id);
    const [settingRows, risks, assets, facts, attestations] = await Promise.all([
      this.settings.forClients(scope, clients),
      this.exceptions.forClients(scope, clients),
      this.evidence.assets(scope, ids),
      this.evidence.facts(scope, ids),
      this.evidence.attestations(scope, ids),
    ]);
    return new Map(
      clients.map((client) => {
        const layers = layersByControl(settingRows.get(client.id) ?? []);
        const evidenceClient: EvidenceClient = { id: client.id, name: client.name, status: client.status, domains: client.domains, seats: client.seats, baseline: client.baseline };
        const gathered: GatheredEvaluation = {
          client: evidenceClient,
          controls: controlsUnderEvaluation(controls, layers, preview),
          risks: risks.get(client.id) ?? [],
          assets: assets.get(client.id) ?? [],
          facts: facts.get(client.id) ?? new Map(),
          attestations: attestations.get(client.id) ?? new Map(),
          policy: client.noDataScoring ? { noData: client.noDataScoring } : DEFAULT_POLICY,
        };
        return [client.id, gathered];
      }),
    );
  }

  /** The network and CPU half: DNS for the names the enabled DNS controls need, the evaluators, the score. */
  async complete(gathered: GatheredEvaluation, now: Date): Promise<ClientEvaluation> {
    const { client, controls, risks, policy } = gathered;
    const evidence: ClientEvidence = { client, assets: gathered.assets, facts: gathered.facts, attestations: gathered.attestations, dns: await this.lookUpDns(controls, client.domains) };
    const results = controls.map((control) => evaluateControl(control, evidence, risks, now));
    return { client, evaluatedAt: now, results, score: scoreResults(results, policy), policy, evidenceAt: newestObservation(evidence) };
  }

  private async lookUpDns(controls: readonly ControlUnderEvaluation[], domains: string[]): Promise<Map<string, TxtLookup>> {
    const names = controls.filter((control) => control.evaluatorKind === 'dns' && !control.settings.notApplicable).flatMap((control) => safeDnsNames(control.settings, domains));
    return names.length === 0 ? new Map() : this.dns.lookupAll(names);
  }
}

/** Each enabled control with its settings resolved through the levels; in test mode, the previewed one always. */
function controlsUnderEvaluation(controls: readonly EvaluableControl[], layers: ReturnType<typeof layersByControl>, preview: PreviewRequest | undefined): ControlUnderEvaluation[] {
  return controls
    .map((control): ControlUnderEvaluation => {
      const settings = resolveSettings(control.params, layers.get(control.id) ?? []);
      if (preview?.controlId !== control.id) return { ...control, settings };
      const draft = preview.evaluator;
      const previewed = draft ? { ...resolveSettings(draft.params, []), weight: settings.weight, notApplicable: settings.notApplicable } : settings;
      return { ...control, evaluatorKind: draft?.kind ?? control.evaluatorKind, settings: { ...previewed, enabled: true } };
    })
    .filter((control) => control.settings.enabled);
}

/** Names for a DNS control's lookups; invalid parameters yield none (the evaluator reports them). */
function safeDnsNames(settings: EffectiveSettings, domains: string[]): string[] {
  try {
    return dnsNamesFor(settings.params as unknown as DnsParams, domains);
  } catch {
    return [];
  }
}

function newestObservation(evidence: Pick<ClientEvidence, 'assets' | 'facts' | 'attestations'>): Date | null {
  const times = [
    ...evidence.assets.map((asset) => asset.lastSeenAt?.getTime() ?? Number.NEGATIVE_INFINITY),
    ...[...evidence.facts.values()].map((fact) => fact.observedAt.getTime()),
    ...[...evidence.attestations.values()].map((attestation) => attestation.attestedAt.getTime()),
  ];
  const newest = times.reduce((max, time) => Math.max(max, time), Number.NEGATIVE_INFINITY);
  return Number.isFinite(newest) ? new Date(newest) : null;
}
