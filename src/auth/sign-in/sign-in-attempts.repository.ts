import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';

export interface SignInAttempt {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** Pending Entra sign-ins. They belong to no tenant yet, so only the login role reads them. */
@Injectable()
export class SignInAttemptsRepository {
  constructor(private readonly database: Database) {}

  async create(stateHash: Buffer, attempt: SignInAttempt, expiresAt: Date): Promise<void> {
    await this.database.system.insertInto('signInAttempts').values({ stateHash, ...attempt, expiresAt }).execute();
    await this.database.system.deleteFrom('signInAttempts').where('expiresAt', '<=', new Date()).execute();
  }

  /** Deletes and returns the attempt, so a state is redeemed at most once. */
  take(stateHash: Buffer, now: Date): Promise<SignInAttempt | undefined> {
    return this.database.system
      .deleteFrom('signInAttempts')
      .where('stateHash', '=', stateHash)
      .where('expiresAt', '>', now)
      .returning(['codeVerifier', 'nonce', 'returnTo'])
      .executeTakeFirst();
  }
}
