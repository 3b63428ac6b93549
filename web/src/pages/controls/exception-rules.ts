/** Exceptions (accepted risks): how their expiry reads, the list's filters, and the create form's body. */
import type { Query } from '../../api/client.js';

export type ExpiryState = 'expired' | 'expiring_soon' | 'in_force';

/** An acceptance this close to lapsing needs a review soon. */
export const EXPIRING_SOON_DAYS = 30;
export const DEFAULT_EXPIRY_DAYS = 90;
const DAY = 86_400_000;

export function expiryState(expiresAt: string, now: Date): ExpiryState {
  const remaining = new Date(expiresAt).getTime() - now.getTime();
  if (remaining <= 0) return 'expired';
  return remaining <= EXPIRING_SOON_DAYS * DAY ? 'expiring_soon' : 'in_force';
}

export const EXPIRY_LABELS: Record<ExpiryState, string> = { expired: 'Expired', expiring_soon: 'Expires soon', in_force: 'In force' };

/** `yyyy-mm-dd` of a day in the viewer's time zone, as a date input takes it. */
const pad = (value: number) => String(value).padStart(2, '0');

export function dateInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(now: Date, days: number): Date {
  const later = new Date(now);
  later.setDate(later.getDate() + days);
  return later;
}

/** An exception lapses at the end of the day chosen, in the viewer's time zone; null for no valid date. */
export function expiryFromDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const end = new Date(year, month - 1, day, 23, 59, 59);
  if (end.getFullYear() !== year || end.getMonth() !== month - 1 || end.getDate() !== day) return null;
  return end.toISOString();
}

export type StatusFilter = 'all' | 'in_force' | 'expired';

export interface ExceptionFilters {
  clientId: string;
  controlId: string;
  status: StatusFilter;
}

/**
 * The list's filters live in the URL as `client`, `control` and `status`; `clientId` and `controlId`
 * are kept for prefilling the create form, as other pages link with them.
 */
export function filtersFromParams(params: URLSearchParams): ExceptionFilters {
  const status = params.get('status');
  return {
    clientId: params.get('client') ?? '',
    controlId: params.get('control') ?? '',
    status: status === 'in_force' || status === 'expired' ? status : 'all',
  };
}

export function applyFilters(params: URLSearchParams, filters: ExceptionFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const entries: [string, string][] = [
    ['client', filters.clientId],
    ['control', filters.controlId],
    ['status', filters.status === 'all' ? '' : filters.status],
  ];
  for (const [name, value] of entries) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

export function listQuery(filters: ExceptionFilters, cursor: string | null, limit: number): Query {
  return {
    clientId: filters.clientId,
    controlId: filters.controlId,
    active: filters.status === 'all' ? undefined : filters.status === 'in_force',
    cursor,
    limit,
  };
}

export interface ExceptionFormValues {
  appliesTo: 'client' | 'baseline';
  clientId: string;
  baselineId: string;
  controlId: string;
  owner: string;
  reason: string;
  compensatingControl: string;
  /** `yyyy-mm-dd`. */
  expiresOn: string;
}

export function newExceptionForm(now: Date, prefill: { clientId?: string | null; controlId?: string | null } = {}): ExceptionFormValues {
  return {
    appliesTo: 'client',
    clientId: prefill.clientId ?? '',
    baselineId: '',
    controlId: prefill.controlId ?? '',
    owner: '',
    reason: '',
    compensatingControl: '',
    expiresOn: dateInputValue(addDays(now, DEFAULT_EXPIRY_DAYS)),
  };
}

export interface ExceptionBody {
  controlId: string;
  clientId?: string;
  baselineId?: string;
  owner: string;
  reason: string;
  compensatingControl?: string;
  expiresAt: string;
}

/** The POST body; a date that is not one is sent empty so the API names the field. */
export function exceptionBody(values: ExceptionFormValues): ExceptionBody {
  const compensating = values.compensatingControl.trim();
  return {
    controlId: values.controlId,
    ...(values.appliesTo === 'client' ? { clientId: values.clientId } : { baselineId: values.baselineId }),
    owner: values.owner.trim(),
    reason: values.reason.trim(),
    ...(compensating ? { compensatingControl: compensating } : {}),
    expiresAt: expiryFromDate(values.expiresOn) ?? '',
  };
}

/** What the form needs before the API is asked, in plainer words than its ("clientId must be a UUID"), named as the API names the fields. */
export function missingChoices(values: ExceptionFormValues): { field: string; message: string }[] {
  const missing: { field: string; message: string }[] = [];
  if (!values.controlId) missing.push({ field: 'controlId', message: 'Choose the control whose risk is accepted' });
  if (values.appliesTo === 'client' && !values.clientId) missing.push({ field: 'clientId', message: 'Choose the client the risk is accepted for' });
  if (values.appliesTo === 'baseline' && !values.baselineId) missing.push({ field: 'baselineId', message: 'Choose the baseline whose clients the risk is accepted for' });
  if (!values.owner.trim()) missing.push({ field: 'owner', message: 'Say who accepted the risk on the client’s side' });
  if (!values.reason.trim()) missing.push({ field: 'reason', message: 'Say why the risk is accepted' });
  return missing;
}
