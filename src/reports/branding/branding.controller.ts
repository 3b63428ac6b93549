import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Auth, Authenticated } from '../../auth/auth.decorators.js';
import type { Caller } from '../../auth/caller.js';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { BrandingService } from './branding.service.js';
import { BrandingDto, BrandingUpdateDto } from './dto/branding.dto.js';
import { MAX_LOGO_BYTES } from './logo-image.js';

@ApiTags('Reports')
@Controller('branding')
export class BrandingController {
  constructor(private readonly branding: BrandingService) {}

  @Get()
  @Authenticated('reports:read')
  @ApiOkResponse({ type: BrandingDto })
  get(@Auth() caller: Caller): Promise<BrandingDto> {
    return this.branding.get(caller);
  }

  @Patch()
  @Authenticated('branding:write')
  @ApiOkResponse({ type: BrandingDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'A colour too light to read on white paper.' })
  update(@Auth() caller: Caller, @Body() request: BrandingUpdateDto): Promise<BrandingDto> {
    return this.branding.update(caller, request);
  }

  @Put('logo')
  @Authenticated('branding:write')
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ description: `The image itself, at most ${MAX_LOGO_BYTES} bytes and 4096 px a side.`, schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: BrandingDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Not a PNG or JPEG, truncated, too large, or not decodable.' })
  uploadLogo(@Auth() caller: Caller, @Req() request: Request, @Headers('content-type') contentType: string | undefined): Promise<BrandingDto> {
    return this.branding.uploadLogo(caller, Buffer.isBuffer(request.body) ? request.body : undefined, contentType);
  }

  @Get('logo')
  @Authenticated('reports:read')
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The logo as uploaded.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async logo(@Auth() caller: Caller, @Res() response: Response): Promise<void> {
    const logo = await this.branding.logo(caller);
    response.setHeader('Content-Type', logo.type).setHeader('ETag', `"${logo.sha256}"`).setHeader('Cache-Control', 'private, max-age=0, must-revalidate').send(logo.data);
  }

  @Delete('logo')
  @HttpCode(204)
  @Authenticated('branding:write')
  @ApiNoContentResponse({ description: 'Reports print the MSP name instead.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  deleteLogo(@Auth() caller: Caller): Promise<void> {
    return this.branding.deleteLogo(caller);
  }
}
