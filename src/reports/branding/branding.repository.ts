import { Injectable } from '@nestjs/common';

import type { TenantScope } from '../../database/database.js';
import type { LogoType, ReportBrandingRow } from '../../database/schema.js';

/** Everything but the logo bytes, which only reports and the logo route read. */
const SUMMARY_COLUMNS = ['tenantId', 'name', 'primaryColor', 'accentColor', 'footerText', 'logoType', 'logoWidth', 'logoHeight', 'logoSha256', 'updatedAt'] as const;
export type BrandingSummary = Pick<ReportBrandingRow, (typeof SUMMARY_COLUMNS)[number]> & { logoBytes: number | null };

export interface BrandingFields {
  name?: string | null;
  primaryColor?: string;
  accentColor?: string;
  footerText?: string | null;
}

export interface StoredLogo {
  data: Buffer;
  type: LogoType;
  width: number;
  height: number;
  sha256: string;
}

@Injectable()
export class BrandingRepository {
  find(scope: TenantScope): Promise<BrandingSummary | undefined> {
    return scope.db
      .selectFrom('reportBranding')
      .select([...SUMMARY_COLUMNS, (eb) => eb.fn<number | null>('octet_length', ['logo']).as('logoBytes')])
      .executeTakeFirst();
  }

  /** The branding with the logo itself, for a report. */
  findWithLogo(scope: TenantScope): Promise<ReportBrandingRow | undefined> {
    return scope.db.selectFrom('reportBranding').selectAll().executeTakeFirst();
  }

  async save(scope: TenantScope, fields: BrandingFields): Promise<void> {
    await scope.db
      .insertInto('reportBranding')
      .values({ tenantId: scope.tenantId, ...fields })
      .onConflict((conflict) => conflict.column('tenantId').doUpdateSet({ ...fields, updatedAt: new Date() }))
      .execute();
  }

  async saveLogo(scope: TenantScope, logo: StoredLogo | null): Promise<void> {
    const fields = { logo: logo?.data ?? null, logoType: logo?.type ?? null, logoWidth: logo?.width ?? null, logoHeight: logo?.height ?? null, logoSha256: logo?.sha256 ?? null };
    await scope.db
      .insertInto('reportBranding')
      .values({ tenantId: scope.tenantId, ...fields })
      .onConflict((conflict) => conflict.column('tenantId').doUpdateSet({ ...fields, updatedAt: new Date() }))
      .execute();
  }
}
