import { Module } from '@nestjs/common';

import { ControlsRepository } from './controls.repository.js';
import { ControlSettingsRepository } from './settings/control-settings.repository.js';

/** Data access to controls and their settings, shared by the modules that refer to controls. */
@Module({
  providers: [ControlsRepository, ControlSettingsRepository],
  exports: [ControlsRepository, ControlSettingsRepository],
})
export class ControlCatalogModule {}
