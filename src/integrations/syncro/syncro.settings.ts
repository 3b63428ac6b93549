import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUrl } from 'class-validator';

export class SyncroConfigDto {
  @ApiProperty({ example: 'https://acme.syncromsp.com/api/v1', description: "The account's API root: https://{subdomain}.syncromsp.com/api/v1." })
  // No TLD required and plain http allowed so a fixture server on 127.0.0.1 can stand in for Syncro.
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  baseUrl!: string;
}

export class SyncroCredentialsDto {
  @ApiProperty({ writeOnly: true, description: 'A Syncro API token (Admin > API Tokens) allowed to list customers, contacts and assets.' })
  @IsString()
  @IsNotEmpty()
  apiKey!: string;
}
