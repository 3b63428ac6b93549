import { HttpException } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Caller, systemOrigin } from '../../auth/caller.js';
import { SCOPES } from '../../auth/scopes.js';
import { startBackgroundWork } from '../../bootstrap.js';
import { type EvaluationRunDto, MAX_REQUESTED_CLIENTS } from '../../evaluations/dto/evaluation.dto.js';
import { EvaluationsService } from '../../evaluations/evaluations.service.js';
import { TenantsService } from '../../tenancy/tenants.service.js';
import { CliError, type Output, print, withApp } from '../cli-context.js';
import { parseUuid } from '../parse.js';

interface EvaluateOptions {
  tenant: string;
  client?: string[];
  sync?: boolean;
  wait?: boolean;
}

const POLL_MS = 250;

/** `--client` may repeat and may hold a comma-separated list; both add up to one list. */
function collectClientIds(value: string, previous: string[] = []): string[] {
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError('must name at least one client id');
  return [...previous, ...ids.map(parseUuid)];
}

export function registerEvaluateCommand(program: Command, output: () => Output): void {
  program
    .command('evaluate')
    .description('request an evaluation run for a tenant; with --wait, run it in this process and show progress')
    .requiredOption('--tenant <uuid>', 'tenant id', parseUuid)
    .option('--client <uuid>', 'evaluate only this client (repeatable, or comma-separated; default: every active client)', collectClientIds)
    .option('--sync', 'sync every PSA integration of the tenant first')
    .option('--wait', 'work the run in this process and wait for it to finish')
    .action(async (options: EvaluateOptions) => {
      const clientIds = options.client ? [...new Set(options.client)] : undefined;
      // The HTTP API enforces this through its DTO; the service does not, so the CLI must.
      if (clientIds && clientIds.length > MAX_REQUESTED_CLIENTS) throw new CliError(`--client may name at most ${MAX_REQUESTED_CLIENTS} clients; omit it to evaluate every client`);

      const run = await withApp(async (app) => {
        const tenant = await app.get(TenantsService).findById(options.tenant);
        if (!tenant) throw new CliError(`Tenant ${options.tenant} not found`);
        const caller: Caller = { ...systemOrigin('cli'), tenantId: tenant.id, scopes: new Set(SCOPES) };
        // The queue must be connected before the request's transaction enqueues the run's first job.
        // With --wait this process becomes a worker too, so the run needs no server (and, on the
        // embedded database, must not have one: only one process may open it).
        await startBackgroundWork(app, options.wait ? 'worker' : 'api');
        const queued = await app
          .get(EvaluationsService)
          .request(caller, { clientIds, sync: Boolean(options.sync) }, 'cli')
          .catch((error: unknown) => {
            // 422s (unknown or inactive clients) are the user's to fix: one line, exit 2.
            throw error instanceof HttpException ? new CliError(error.message) : error;
          });
        return options.wait ? await waitFor(app, caller, queued.id, output()) : queued;
      });

      if (!options.wait) {
        print(output(), run, `Evaluation ${run.id} ${run.status}\nA worker runs it: \`npm start\` or \`npm run worker\` (or request with --wait to run it in this process).`);
        return;
      }
      print(output(), run, describeFinished(run));
      if (run.status === 'failed') process.exitCode = 2;
    });
}

/** Polls the run until it ends, drawing progress on stderr when a person is watching. */
async function waitFor(app: INestApplicationContext, caller: Caller, runId: string, output: Output): Promise<EvaluationRunDto> {
  const evaluations = app.get(EvaluationsService);
  const bar = output.json || !process.stderr.isTTY ? undefined : new SingleBar({ format: ' {bar} {value}/{total} clients | {failed} failed | {phase}', stream: process.stderr });
  // The total is known only once the run is planned; until then the bar shows 0/0.
  bar?.start(0, 0, { failed: 0, phase: 'queued' });
  try {
    for (;;) {
      const run = await evaluations.get(caller, runId);
      bar?.setTotal(run.progress.total);
      bar?.update(run.progress.done, { failed: run.progress.failed, phase: run.phase ?? run.status });
      if (run.status === 'succeeded' || run.status === 'failed') return run;
      await sleep(POLL_MS);
    }
  } finally {
    bar?.stop();
  }
}

function describeFinished(run: EvaluationRunDto): string {
  const { done, total, failed } = run.progress;
  const seconds = run.durationMs === null ? '' : ` in ${(run.durationMs / 1000).toFixed(1)} s`;
  const score = run.portfolio?.score ?? null;
  const portfolio = score === null ? '' : `, portfolio ${score.toFixed(1)} (${run.portfolio!.grade})`;
  const lines = [`Evaluation ${run.status}: ${done} of ${total} clients${failed > 0 ? ` (${failed} failed)` : ''}${seconds}${portfolio}`];
  if (run.error) lines.push(run.error);
  for (const error of run.errors ?? []) lines.push(`  ${error.clientName} (${error.clientId}): ${error.message}`);
  if (failed > (run.errors?.length ?? 0)) lines.push(`  … and ${failed - (run.errors?.length ?? 0)} more`);
  return lines.join('\n');
}
