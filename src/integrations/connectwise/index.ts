import type { ConnectorDefinition } from '../connector-definition.js';
import { ConnectwiseConnector } from './connectwise.connector.js';
import { ConnectwiseConfigDto, ConnectwiseCredentialsDto } from './connectwise.settings.js';

export { ConnectwiseConfigDto, ConnectwiseCredentialsDto } from './connectwise.settings.js';

export const connectwiseDefinition: ConnectorDefinition<ConnectwiseConfigDto, ConnectwiseCredentialsDto> = {
  kind: 'connectwise',
  label: 'ConnectWise Manage',
  configType: ConnectwiseConfigDto,
  credentialsType: ConnectwiseCredentialsDto,
  // Company types are per instance, but "Client" is ConnectWise's stock name for paying customers.
  defaultClientTypes: ['Client'],
  create: (config, credentials, options) => new ConnectwiseConnector(config, credentials, options),
};
