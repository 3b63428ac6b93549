import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { RAMPART_CONFIG, type RampartConfig } from '../config/config.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { UsersModule } from '../users/users.module.js';
import { ApiKeyAuthenticator } from './api-key.authenticator.js';
import { AuthGuard } from './auth.guard.js';
import { EntraAuthenticator } from './entra/entra.authenticator.js';
import { EntraTokenVerifier } from './entra/entra-token.verifier.js';
import { FailedAuthLimiter } from './failed-auth.limiter.js';

@Module({
  imports: [ApiKeysModule, TenancyModule, UsersModule],
  providers: [
    ApiKeyAuthenticator,
    EntraAuthenticator,
    {
      provide: EntraTokenVerifier,
      inject: [RAMPART_CONFIG],
      useFactory: (config: RampartConfig) => new EntraTokenVerifier(config.entra),
    },
    {
      provide: FailedAuthLimiter,
      inject: [RAMPART_CONFIG],
      useFactory: (config: RampartConfig) => new FailedAuthLimiter({ limit: config.auth.failureLimit, windowSeconds: config.auth.failureWindowSeconds }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
