import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorResponseDto } from '../common/errors/error-response.js';
import type { Caller } from './caller.js';
import type { AuthenticatedSession } from './sessions/web-sessions.service.js';
import type { Scope } from './scopes.js';

export const PUBLIC_ROUTE = 'rampart:public';
export const REQUIRED_SCOPE = 'rampart:scope';

/** `webSession` is set when the caller came in with the browser's session cookie. */
export type AuthenticatedRequest = Request & { id: string; caller?: Caller; webSession?: AuthenticatedSession };

/** Open to anyone: health checks and the API description. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Needs an API key or Entra token whose scopes (or role) include `scope`. */
export function Authenticated(scope: Scope): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Missing or invalid credentials' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `Credentials lack the ${scope} scope` }),
    ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many failed authentication attempts from this address' }),
  );
}

/** The authenticated caller, as the guard established it. */
export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('Auth() used on a route without authentication');
  return caller;
});
