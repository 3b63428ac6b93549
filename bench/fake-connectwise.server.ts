import { FakeConnectwise } from '../src/demo/psa/fake-connectwise.js';
import { type FakeRequest, type FakeResponse, FakePsaServer, type FakeVendor } from '../src/demo/psa/fake-psa-server.js';
import { generatePortfolio } from '../src/demo/psa/portfolio.js';

/**
 * The fake ConnectWise server in a process of its own, so the bench measures Rampart's memory and
 * not the fake's. Prints its URL, answers `GET /__bench/requests` with how many API requests it served.
 */
const [companies, contactsPerCompany, assetsPerCompany] = process.argv.slice(2).map(Number);
const portfolio = generatePortfolio({ companies: companies!, contactsPerCompany: contactsPerCompany!, assetsPerCompany: assetsPerCompany!, seed: 1 });
const connectwise = new FakeConnectwise({ portfolio });
let served = 0;
const counting: FakeVendor = {
  handle: (request: FakeRequest, server: FakePsaServer): FakeResponse | Promise<FakeResponse> => {
    if (request.path === '/__bench/requests') return { status: 200, body: { requests: served } };
    served += 1;
    return connectwise.handle(request, server);
  },
  errorBody: (status, message) => connectwise.errorBody(status, message),
};
const server = await FakePsaServer.start(counting);
process.stdout.write(`${JSON.stringify({ url: server.url, companies: portfolio.companies.length, contacts: portfolio.contacts.length, assets: portfolio.assets.length })}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
