import { createHash } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';

import { AuditRepository } from '../../audit/audit.repository.js';
import type { Caller } from '../../auth/caller.js';
import { unprocessable } from '../../common/errors/unprocessable.js';
import { Database, type TenantScope } from '../../database/database.js';
import type { LogoType } from '../../database/schema.js';
import type { ReportBranding } from '../model/report-model.js';
import { BrandingRepository, type BrandingSummary } from './branding.repository.js';
import { contrastRatio, MIN_BRAND_CONTRAST } from './colour-contrast.js';
import type { BrandingDto, BrandingUpdateDto } from './dto/branding.dto.js';
import { inspectLogo, InvalidLogoError } from './logo-image.js';

export const DEFAULT_PRIMARY_COLOR = '#1f4e79';
export const DEFAULT_ACCENT_COLOR = '#d9822b';
const LOGO_URL = '/api/v1/branding/logo';

/** How a tenant's reports look: its name, logo, colours and footer. */
@Injectable()
export class BrandingService {
  constructor(
    private readonly database: Database,
    private readonly branding: BrandingRepository,
    private readonly audit: AuditRepository,
  ) {}

  get(caller: Caller): Promise<BrandingDto> {
    return this.database.inTenant(caller.tenantId, (scope) => this.current(scope));
  }

  update(caller: Caller, request: BrandingUpdateDto): Promise<BrandingDto> {
    for (const field of ['primaryColor', 'accentColor'] as const) {
      const colour = request[field];
      if (colour !== undefined && contrastRatio(colour, '#ffffff') < MIN_BRAND_CONTRAST) {
        throw unprocessable(field, `${colour} has a contrast of ${contrastRatio(colour, '#ffffff').toFixed(2)}:1 on white paper; headings need at least ${MIN_BRAND_CONTRAST}:1 to be readable (pick a darker shade)`);
      }
    }
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.branding.save(scope, request);
      await this.audit.record(scope, caller, { action: 'branding.updated', target: { type: 'tenant', id: scope.tenantId }, details: { fields: Object.keys(request) } });
      return this.current(scope);
    });
  }

  /** Validates the image (type, size, dimensions, that pdfkit can embed it) before anything is stored. */
  uploadLogo(caller: Caller, bytes: Buffer | undefined, declaredType: string | undefined): Promise<BrandingDto> {
    if (!bytes || bytes.length === 0) throw unprocessable('body', 'Send the logo as the request body with Content-Type: image/png or image/jpeg');
    let image;
    try {
      image = inspectLogo(bytes, declaredType);
    } catch (error) {
      if (error instanceof InvalidLogoError) throw unprocessable('body', error.message);
      throw error;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.database.inTenant(caller.tenantId, async (scope) => {
      await this.branding.saveLogo(scope, { data: bytes, type: image.mimeType, width: image.width, height: image.height, sha256 });
      await this.audit.record(scope, caller, { action: 'branding.logo_uploaded', target: { type: 'tenant', id: scope.tenantId }, details: { type: image.mimeType, width: image.width, height: image.height, sizeBytes: bytes.length, sha256 } });
      return this.current(scope);
    });
  }

  logo(caller: Caller): Promise<{ data: Buffer; type: LogoType; sha256: string }> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const row = await this.branding.findWithLogo(scope);
      if (!row?.logo || !row.logoType || !row.logoSha256) throw new NotFoundException('The tenant has no logo');
      return { data: Buffer.from(row.logo), type: row.logoType, sha256: row.logoSha256 };
    });
  }

  deleteLogo(caller: Caller): Promise<void> {
    return this.database.inTenant(caller.tenantId, async (scope) => {
      const current = await this.branding.find(scope);
      if (!current?.logoType) throw new NotFoundException('The tenant has no logo');
      await this.branding.saveLogo(scope, null);
      await this.audit.record(scope, caller, { action: 'branding.logo_deleted', target: { type: 'tenant', id: scope.tenantId }, details: {} });
    });
  }

  /** The branding a report prints, defaults filled in. */
  async forReport(scope: TenantScope): Promise<ReportBranding> {
    const [row, tenantName] = await Promise.all([this.branding.findWithLogo(scope), this.tenantName(scope)]);
    return {
      name: row?.name ?? tenantName,
      logo: row?.logo && row.logoType ? { data: Buffer.from(row.logo), mimeType: row.logoType, width: row.logoWidth!, height: row.logoHeight! } : null,
      primaryColor: row?.primaryColor ?? DEFAULT_PRIMARY_COLOR,
      accentColor: row?.accentColor ?? DEFAULT_ACCENT_COLOR,
      footerText: row?.footerText ?? null,
    };
  }

  private async current(scope: TenantScope): Promise<BrandingDto> {
    const [row, tenantName] = await Promise.all([this.branding.find(scope), this.tenantName(scope)]);
    return toDto(row, tenantName);
  }

  private async tenantName(scope: TenantScope): Promise<string> {
    const tenant = await scope.db.selectFrom('tenants').select('name').where('id', '=', scope.tenantId).executeTakeFirstOrThrow();
    return tenant.name;
  }
}

function toDto(row: BrandingSummary | undefined, tenantName: string): BrandingDto {
  return {
    name: row?.name ?? tenantName,
    nameSet: typeof row?.name === 'string',
    primaryColor: row?.primaryColor ?? DEFAULT_PRIMARY_COLOR,
    accentColor: row?.accentColor ?? DEFAULT_ACCENT_COLOR,
    footerText: row?.footerText ?? null,
    logo: row?.logoType ? { type: row.logoType, width: row.logoWidth!, height: row.logoHeight!, sizeBytes: Number(row.logoBytes), sha256: row.logoSha256!, url: LOGO_URL } : null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
