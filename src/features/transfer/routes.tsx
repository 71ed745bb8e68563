import type { RouteObject } from 'react-router';
import { TransferPage } from './TransferPage';

/** The Import / Export page. */
export const transferRoutes: RouteObject[] = [{ path: 'transfer', element: <TransferPage /> }];
