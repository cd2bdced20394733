import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, NullableTextProperty, TextProperty } from '../../http/dto/schema-properties';

@ApiSchema({ name: 'IntakeKey', description: 'An intake key as admins see it; its secret is never shown again' })
export class IntakeKeyResponse {
  @ApiProperty({ type: String, format: 'uuid' }) readonly id!: string;
  @TextProperty('The source its leads are tagged with') readonly source!: string;
  @NullableTextProperty('What it is for') readonly name!: string | null;
  @IntegerProperty('Leads a minute, also the largest burst', { minimum: 1 }) readonly ratePerMinute!: number;
  @DateTimeProperty('When it was created') readonly createdAt!: string;
  @TextProperty('The admin who created it') readonly createdBy!: string;
  @DateTimeProperty('When it was revoked; null while it works', { nullable: true }) readonly revokedAt!: string | null;
  @NullableTextProperty('The admin who revoked it') readonly revokedBy!: string | null;
}

@ApiSchema({ name: 'IssuedIntakeKey', description: 'A new key: `key` is shown this once (only its SHA-256 is stored)' })
export class IssuedIntakeKeyResponse extends IntakeKeyResponse {
  @TextProperty('The key to send in the X-Intake-Key header: ik_<id>.<secret>') readonly key!: string;
}

@ApiSchema({ name: 'IntakeKeyList' })
export class IntakeKeyListResponse {
  @ApiProperty({ type: () => [IntakeKeyResponse] }) readonly keys!: readonly IntakeKeyResponse[];
}

@ApiSchema({ name: 'IntakeReview', description: 'A near match below the rule’s threshold: a review task was opened on the new lead' })
export class IntakeReviewResponse {
  @TextProperty('The lead it may be') readonly recordId!: string;
  @TextProperty('The match rule') readonly rule!: string;
  @ApiProperty({ type: Number, description: 'The similarity, 0..1' }) readonly score!: number;
}

@ApiSchema({ name: 'IntakeResult', description: 'What became of one lead taken in' })
export class IntakeResultResponse {
  @TextProperty('The sender’s id of the lead') readonly externalId!: string;
  @ApiProperty({ type: String, enum: ['created', 'merged'], description: 'created: a new lead; merged: into a lead kept already (LeadMerged)' }) readonly status!: 'created' | 'merged';
  @TextProperty('The lead it is now') readonly recordId!: string;
  @NullableTextProperty('The match rule it merged by; null for a new lead') readonly rule!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'An IntakeReview (recordId, rule, score) when a near match opened a review task; null when none' }) readonly review!: IntakeReviewResponse | null;
}

@ApiSchema({ name: 'IntakeBatchResult' })
export class IntakeBatchResultResponse {
  @ApiProperty({ type: () => [IntakeResultResponse], description: 'One per lead, in the order sent' }) readonly results!: readonly IntakeResultResponse[];
}

/** Reached only through the intake answer's hand-written `oneOf`: the document lists them itself. */
export const INTAKE_MODELS = [IntakeResultResponse, IntakeBatchResultResponse, IntakeReviewResponse];
