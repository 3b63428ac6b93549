import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';

export class ConnectwiseConfigDto {
  @ApiProperty({
    example: 'https://api-na.myconnectwise.net/v4_6_release/apis/3.0',
    description: 'The REST API root: https://{site}/{codebase}/apis/3.0. Cloud sites are api-na, api-eu or api-au.myconnectwise.net; v4_6_release always routes to the current codebase.',
  })
  // No TLD required and plain http allowed so a fixture server on 127.0.0.1 can stand in for ConnectWise.
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  // The site address alone is the usual mistake; it answers with the login page instead of the API.
  @Matches(/\/apis\/3\.0\/?$/, { message: 'baseUrl must be the API root ending in /apis/3.0, such as https://api-na.myconnectwise.net/v4_6_release/apis/3.0' })
  baseUrl!: string;

  @ApiProperty({ example: 'northwind', description: 'The company id typed on the ConnectWise login page.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  // The Basic credentials are "{companyId}+{publicKey}:{privateKey}"; a + or : here would split them wrongly.
  @Matches(/^[^+:\s]+$/, { message: 'companyId must not contain spaces, + or :' })
  companyId!: string;

  @ApiProperty({ example: '3f2c1b9e-6a4d-4f0e-9b7a-2d5c8e1f0a63', description: 'The integration clientId GUID from developer.connectwise.com/ClientID; ConnectWise refuses requests without it.' })
  @IsUUID('all', { message: 'clientId must be the GUID from developer.connectwise.com/ClientID' })
  clientId!: string;
}

export class ConnectwiseCredentialsDto {
  @ApiProperty({ writeOnly: true, description: "The public key of an API member's key pair (System > Members > API Members > API Keys)." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  // Basic authentication splits user from password at the first colon.
  @Matches(/^[^:\s]+$/, { message: 'publicKey must not contain spaces or :' })
  publicKey!: string;

  @ApiProperty({ writeOnly: true, description: 'The private key shown once when the key pair was made.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  privateKey!: string;
}
