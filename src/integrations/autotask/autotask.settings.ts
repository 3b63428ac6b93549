import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { Trim } from '../../common/validation/decorators.js';

export class AutotaskConfigDto {
  @ApiProperty({
    example: 'https://webservices.autotask.net',
    description: 'Zone-discovery host. Rampart asks it which zone the API user lives in and then calls that zone.',
  })
  @Trim()
  // http and bare hosts are allowed so tests and on-premises proxies can stand in for Autotask.
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  baseUrl!: string;

  @ApiProperty({ example: 'x7rk2b3qa9@northwind.example', description: 'The API-only user (email form), sent as the UserName header.' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  username!: string;

  @ApiProperty({ example: 'H6HRQ2SW2CQAMVLGJ7W3KC4WMNA', description: 'The API tracking identifier, sent as the ApiIntegrationCode header.' })
  @Trim()
  @Length(1, 200)
  @IsString()
  integrationCode!: string;
}

export class AutotaskCredentialsDto {
  @ApiProperty({ description: "The API user's secret, sent as the Secret header.", writeOnly: true })
  @Length(1, 500)
  @IsString()
  secret!: string;
}
