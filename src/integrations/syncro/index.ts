import type { ConnectorDefinition } from '../connector-definition.js';
import { SyncroConnector } from './syncro.connector.js';
import { SyncroConfigDto, SyncroCredentialsDto } from './syncro.settings.js';

export const syncroDefinition: ConnectorDefinition<SyncroConfigDto, SyncroCredentialsDto> = {
  kind: 'syncro',
  label: 'Syncro',
  configType: SyncroConfigDto,
  credentialsType: SyncroCredentialsDto,
  // Business and individual customers alike are clients: Syncro has no prospects or vendors among customers.
  defaultClientTypes: [],
  create: (config, credentials, options) => new SyncroConnector(config, credentials, options),
};
