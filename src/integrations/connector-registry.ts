import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldError } from '../common/errors/error-response.js';
import { flattenValidationErrors } from '../common/validation/validation.pipe.js';
import type { IntegrationRow } from '../database/schema.js';
import { autotaskDefinition } from './autotask/index.js';
import type { ConnectorDefinition, ConnectorOptions } from './connector-definition.js';
import { connectwiseDefinition } from './connectwise/index.js';
import { CredentialsVault } from './credentials/credentials.vault.js';
import { halopsaDefinition } from './halopsa/index.js';
import type { PsaConnector, PsaKind } from './psa-connector.js';
import { syncroDefinition } from './syncro/index.js';

type AnyDefinition = ConnectorDefinition<{ baseUrl: string }, object>;

const DEFINITIONS: Record<PsaKind, AnyDefinition> = {
  connectwise: connectwiseDefinition as unknown as AnyDefinition,
  autotask: autotaskDefinition as unknown as AnyDefinition,
  halopsa: halopsaDefinition as unknown as AnyDefinition,
  syncro: syncroDefinition as unknown as AnyDefinition,
};

/** Options every connector gets; tests override the provider to retry without waiting. */
export const CONNECTOR_OPTIONS = Symbol('CONNECTOR_OPTIONS');

/** The façade over the vendors: validates their settings and builds connectors for stored integrations. */
@Injectable()
export class ConnectorRegistry {
  constructor(
    private readonly vault: CredentialsVault,
    @Inject(CONNECTOR_OPTIONS) private readonly options: ConnectorOptions,
  ) {}

  definition(kind: PsaKind): AnyDefinition {
    return DEFINITIONS[kind];
  }

  /** Problems with a vendor's config or credentials, each field prefixed with `prefix.` */
  validate(kind: PsaKind, part: 'config' | 'credentials', value: Record<string, unknown>): FieldError[] {
    const definition = DEFINITIONS[kind];
    const type = part === 'config' ? definition.configType : definition.credentialsType;
    const errors = validateSync(plainToInstance(type, value), { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
    return flattenValidationErrors(errors).map((error) => ({ field: `${part}.${error.field}`, message: `${part}.${error.message}` }));
  }

  connectorFor(integration: IntegrationRow): PsaConnector {
    const definition = DEFINITIONS[integration.kind];
    const config = plainToInstance(definition.configType, integration.config);
    const credentials = plainToInstance(definition.credentialsType, this.vault.open<Record<string, unknown>>(integration));
    return definition.create(config, credentials, { ...this.options, fieldMapping: integration.fieldMapping });
  }
}
