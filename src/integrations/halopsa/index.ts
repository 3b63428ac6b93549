import type { ConnectorDefinition } from '../connector-definition.js';
import { HalopsaConnector } from './halopsa.connector.js';
import { HalopsaConfigDto, HalopsaCredentialsDto } from './halopsa.settings.js';

export { HalopsaConfigDto, HalopsaCredentialsDto } from './halopsa.settings.js';

export const halopsaDefinition: ConnectorDefinition<HalopsaConfigDto, HalopsaCredentialsDto> = {
  kind: 'halopsa',
  label: 'HaloPSA',
  configType: HalopsaConfigDto,
  credentialsType: HalopsaCredentialsDto,
  // Halo's customer type is an unnamed id and top levels are named per instance: no stock name to assume.
  defaultClientTypes: [],
  create: (config, credentials, options) => new HalopsaConnector(config, credentials, options),
};
