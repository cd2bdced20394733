import { serveChildTask } from '../child-task';
import { writeSalesHistory, type SalesHistoryRequest } from './sales-history-store';

/** Child process of `ensureSalesHistory`: generates one history into a fresh folder. */
serveChildTask(({ directory, request }: { directory: string; request: SalesHistoryRequest }) => writeSalesHistory(directory, request));
