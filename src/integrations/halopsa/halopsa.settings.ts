import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';

// No TLD required and plain http allowed so a fixture server on 127.0.0.1 can stand in for Halo.
const URL_RULES = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class HalopsaConfigDto {
  @ApiProperty({
    example: 'https://msp.halopsa.com',
    description: 'The Halo instance root (Configuration > Integrations > Halo API > API Details). The "Resource Server" shown there, ending in /api, is accepted too.',
  })
  @IsUrl(URL_RULES)
  baseUrl!: string;

  @ApiPropertyOptional({
    example: 'https://msp.halopsa.com/auth',
    description: 'The "Authorisation Server" from the same page, when it is not {baseUrl}/auth.',
  })
  @IsOptional()
  @IsUrl(URL_RULES)
  authUrl?: string;

  @ApiPropertyOptional({ example: 'msp', description: 'The tenant name of a Halo-hosted instance, sent on token requests; leave empty on premises.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  // It travels as a query parameter; spaces and separators mean something was pasted wrongly.
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'tenant must be the tenant name alone, such as msp' })
  tenant?: string;

  @ApiPropertyOptional({
    default: 300,
    description: 'Requests allowed per rolling 5 minutes. Hosted Halo answers 429 beyond 300; the quota is shared with other integrations on the instance, so set it lower if they are busy.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  requestsPerFiveMinutes?: number;
}

export class HalopsaCredentialsDto {
  @ApiProperty({ description: 'The Client ID of an API application using "Client ID and Secret (Services)" authentication, with read:customers and read:assets permission.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  clientId!: string;

  @ApiProperty({ writeOnly: true, description: 'The Client Secret shown once when the API application was saved.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  clientSecret!: string;
}
