import type { RetryPolicy } from './http/psa-http.client.js';
import type { FieldMapping, PsaConnector, PsaKind } from './psa-connector.js';

/** What the sync engine and tests may tune on any connector. */
export interface ConnectorOptions {
  /** Where assets read fields from custom fields or raw paths instead of the vendor's standard ones. */
  fieldMapping?: FieldMapping;
  retry?: Partial<RetryPolicy>;
  /** Tests pass a recording no-op so retries take no wall time. */
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (event: { attempt: number; delayMs: number; reason: string }) => void;
}

/**
 * One vendor, as the integrations module sees it: how its config and credentials are validated
 * (class-validator classes; `baseUrl` is always part of the config) and how a connector is made.
 */
export interface ConnectorDefinition<Config extends { baseUrl: string }, Credentials extends object> {
  kind: PsaKind;
  /** For people: "ConnectWise Manage". */
  label: string;
  configType: new () => Config;
  credentialsType: new () => Credentials;
  /** Company types that count as clients unless an integration says otherwise. Empty: every type. */
  defaultClientTypes: string[];
  create(config: Config, credentials: Credentials, options?: ConnectorOptions): PsaConnector;
}
