import { BadRequestException, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiFoundResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { RAMPART_CONFIG, type RampartConfig } from '../../config/config.js';
import { TenantsRepository } from '../../tenancy/tenants.repository.js';
import { type AuthenticatedRequest, Public } from '../auth.decorators.js';
import { clearCookie, readCookie, SESSION_COOKIE, SESSION_COOKIE_PATH, setCookie, SIGN_IN_COOKIE, SIGN_IN_COOKIE_PATH } from '../sessions/session-cookie.js';
import { SESSION_MAX_AGE_MS, type StartedSession, WebSessionsService } from '../sessions/web-sessions.service.js';
import { SessionDto, SignInOptionsDto } from './dto/session.dto.js';
import { type SignInRequest, SignInFailed, SignInService } from './sign-in.service.js';

/**
 * Browser sign-in for the web app: Entra ID (authorization code with PKCE) or, while the demo
 * tenant runs, one click. The session lives in an HttpOnly cookie; writes need the CSRF token.
 */
@ApiTags('Sign-in')
@Controller('auth')
export class SignInController {
  constructor(
    @Inject(RAMPART_CONFIG) private readonly config: RampartConfig,
    private readonly signIn: SignInService,
    private readonly sessions: WebSessionsService,
    private readonly tenants: TenantsRepository,
  ) {}

  @Get('options')
  @Public()
  @ApiOkResponse({ type: SignInOptionsDto })
  options(): Promise<SignInOptionsDto> {
    return this.signIn.options();
  }

  @Post('demo')
  @Public()
  @ApiOkResponse({ type: SessionDto, description: 'Signed in to the demo tenant; the session cookie is set' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'The demo is off' })
  @HttpCode(200)
  async demo(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const started = await this.signIn.demo(signInRequest(request));
    response.setHeader('set-cookie', this.sessionCookie(started));
    return this.view(started.session);
  }

  @Get('login')
  @Public()
  @ApiFoundResponse({ description: 'Redirects to Microsoft’s sign-in page' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Sign-in with Microsoft is not configured' })
  async login(@Query('returnTo') returnTo: string | undefined, @Res() response: Response): Promise<void> {
    const { state, authorizeUrl } = await this.signIn.beginEntra(typeof returnTo === 'string' ? returnTo : undefined);
    response.setHeader('set-cookie', setCookie(SIGN_IN_COOKIE, state, { path: SIGN_IN_COOKIE_PATH, maxAgeSeconds: 600, secure: this.secure }));
    response.redirect(302, authorizeUrl);
  }

  /** Where Microsoft sends the browser back; not an API for integrations. */
  @Get('callback')
  @Public()
  @ApiExcludeEndpoint()
  async callback(@Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest, @Res() response: Response): Promise<void> {
    const text = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
    const cookies = [clearCookie(SIGN_IN_COOKIE, { path: SIGN_IN_COOKIE_PATH, secure: this.secure })];
    try {
      const { session, returnTo } = await this.signIn.completeEntra(
        { state: text('state'), browserState: readCookie(request.header('cookie'), SIGN_IN_COOKIE), code: text('code'), error: text('error'), errorDescription: text('error_description') },
        signInRequest(request),
      );
      response.setHeader('set-cookie', [...cookies, this.sessionCookie(session)]);
      response.redirect(302, returnTo);
    } catch (error) {
      if (!(error instanceof SignInFailed)) throw error;
      response.setHeader('set-cookie', cookies);
      response.redirect(302, `/?signInError=${encodeURIComponent(error.message)}`);
    }
  }

  @Get('session')
  @ApiOkResponse({ type: SessionDto })
  session(@Req() request: AuthenticatedRequest): Promise<SessionDto> {
    return this.view(this.browserSession(request));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out; the session cookie is cleared' })
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.end(this.browserSession(request));
    response.setHeader('set-cookie', clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH, secure: this.secure }));
  }

  private browserSession(request: AuthenticatedRequest): NonNullable<AuthenticatedRequest['webSession']> {
    if (!request.webSession) throw new BadRequestException('These credentials are not a browser session: sign in through the web app');
    return request.webSession;
  }

  private async view(session: NonNullable<AuthenticatedRequest['webSession']>): Promise<SessionDto> {
    const tenant = (await this.tenants.findById(session.caller.tenantId))!;
    return {
      user: { id: session.caller.actor.id!, name: session.user.displayName ?? session.user.email ?? 'Signed-in user', email: session.user.email, role: session.user.role },
      tenant: { id: tenant.id, name: tenant.name, isDemo: tenant.isDemo },
      scopes: [...session.caller.scopes],
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  private sessionCookie(session: StartedSession): string {
    return setCookie(SESSION_COOKIE, session.token, { path: SESSION_COOKIE_PATH, maxAgeSeconds: Math.floor(SESSION_MAX_AGE_MS / 1000), secure: this.secure });
  }

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }
}

function signInRequest(request: AuthenticatedRequest): SignInRequest {
  return { ip: request.ip ?? null, requestId: request.id, userAgent: request.header('user-agent') ?? null };
}
