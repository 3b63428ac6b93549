import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { RAMPART_CONFIG, type RampartConfig } from '../config/config.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { UsersModule } from '../users/users.module.js';
import { ApiKeyAuthenticator } from './api-key.authenticator.js';
import { AuthGuard } from './auth.guard.js';
import { EntraAuthenticator } from './entra/entra.authenticator.js';
import { EntraTokenVerifier } from './entra/entra-token.verifier.js';
import { FailedAuthLimiter } from './failed-auth.limiter.js';
import { WebSessionsRepository } from './sessions/web-sessions.repository.js';
import { WebSessionsService } from './sessions/web-sessions.service.js';
import { EntraSignInClient } from './sign-in/entra-sign-in.client.js';
import { SignInAttemptsRepository } from './sign-in/sign-in-attempts.repository.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { ENTRA_SIGN_IN_CLIENT, SignInService } from './sign-in/sign-in.service.js';

@Module({
  imports: [ApiKeysModule, AuditModule, TenancyModule, UsersModule],
  controllers: [SignInController],
  providers: [
    ApiKeyAuthenticator,
    EntraAuthenticator,
    WebSessionsRepository,
    WebSessionsService,
    SignInAttemptsRepository,
    SignInService,
    {
      provide: EntraTokenVerifier,
      inject: [RAMPART_CONFIG],
      useFactory: (config: RampartConfig) => new EntraTokenVerifier(config.entra),
    },
    {
      provide: ENTRA_SIGN_IN_CLIENT,
      inject: [RAMPART_CONFIG],
      useFactory: (config: RampartConfig) => (config.entra.webSignIn ? new EntraSignInClient(config.entra.authority, config.entra.webSignIn) : null),
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
