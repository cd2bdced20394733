import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DateTimeProperty, TextProperty } from '../../http/dto/schema-properties';

@ApiSchema({ name: 'Absence', description: 'A rep away from work over [from, to): the assignment rules give them no lead meanwhile' })
export class AbsenceResponse {
  @TextProperty('Derived from the command id: a retried declaration names the same absence') readonly absenceId!: string;
  @TextProperty('The user who is away') readonly user!: string;
  @DateTimeProperty('From this moment') readonly from!: string;
  @DateTimeProperty('Up to (not including) this moment') readonly to!: string;
  @TextProperty('Why') readonly reason!: string;
}

@ApiSchema({ name: 'AbsenceList', description: 'The user’s absences in force (not cancelled), in the order declared' })
export class AbsenceListResponse {
  @ApiProperty({ type: () => [AbsenceResponse] }) readonly absences!: readonly AbsenceResponse[];
}
