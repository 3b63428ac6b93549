import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../../../database/schema.js';

export class SignInOptionsDto {
  @ApiProperty({ description: 'Sign-in with Microsoft Entra ID is configured' }) entra!: boolean;
  @ApiProperty({ description: 'One-click demo sign-in is open (only while the demo tenant runs)' }) demo!: boolean;
}

class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Dana Whitfield' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'dana@msp.example' }) email!: string | null;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
}

class SessionTenantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isDemo!: boolean;
}

export class SessionDto {
  @ApiProperty() user!: SessionUserDto;
  @ApiProperty() tenant!: SessionTenantDto;
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty({ description: 'Send as X-CSRF-Token with every request that changes something' }) csrfToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
