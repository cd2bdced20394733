import { deriveId } from '@crm/command-handler';

/** The id of a record opened without one: derived from the command, so a retried open opens one record. */
export const recordIdFor = (commandId: string): string => deriveId(commandId, 'record');
