import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { demoPortfolio } from './demo-portfolio.js';
import { FAKE_CONNECTWISE_ACCOUNT, CONNECTWISE_API_PATH, FakeConnectwise } from './psa/fake-connectwise.js';
import { FakePsaServer } from './psa/fake-psa-server.js';

/**
 * The demo tenant's PSA: a ConnectWise Manage simulator on a loopback port of this process, as
 * strict as the real API (the same one the connector tests run against), so a new user watches a
 * real sync. Started on first use, stopped with the process.
 */
@Injectable()
export class DemoPsaServer implements OnApplicationShutdown {
  private server?: Promise<FakePsaServer>;

  /** Settings of a ConnectWise integration that reaches the simulator. */
  async connectwiseSettings(): Promise<{ config: Record<string, unknown>; credentials: Record<string, unknown> }> {
    this.server ??= FakePsaServer.start(new FakeConnectwise({ portfolio: demoPortfolio() }));
    const { url } = await this.server;
    return {
      config: { baseUrl: `${url}${CONNECTWISE_API_PATH}`, companyId: FAKE_CONNECTWISE_ACCOUNT.companyId, clientId: FAKE_CONNECTWISE_ACCOUNT.clientId },
      credentials: { publicKey: FAKE_CONNECTWISE_ACCOUNT.publicKey, privateKey: FAKE_CONNECTWISE_ACCOUNT.privateKey },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await (await this.server)?.stop();
  }
}
