import type { ConnectorDefinition } from '../connector-definition.js';
import { AutotaskConnector } from './autotask.connector.js';
import { AutotaskConfigDto, AutotaskCredentialsDto } from './autotask.settings.js';

export const autotaskDefinition: ConnectorDefinition<AutotaskConfigDto, AutotaskCredentialsDto> = {
  kind: 'autotask',
  label: 'Autotask PSA',
  configType: AutotaskConfigDto,
  credentialsType: AutotaskCredentialsDto,
  // Autotask's default picklist calls paying clients "Customer"; Lead, Prospect, Vendor and the rest are not.
  defaultClientTypes: ['Customer'],
  create: (config, credentials, options) => new AutotaskConnector(config, credentials, options),
};
