import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { BoardPage } from '../board/BoardPage';
import { MyWorkPage } from '../my-work/MyWorkPage';
import { RecordPage } from '../record/RecordPage';
import { SignInPage } from '../session/SignInPage';
import { QueryFallback } from '../shared/QueryFallback';
import { AppLayout } from './AppLayout';
import { RequireSession } from './RequireSession';

// Charts and the blueprint editor bring large libraries (ECharts, CodeMirror, Mermaid): loaded when opened.
const AnalyticsPage = lazy(() => import('../analytics/AnalyticsPage').then((module) => ({ default: module.AnalyticsPage })));
const BlueprintsPage = lazy(() => import('../blueprints/BlueprintsPage').then((module) => ({ default: module.BlueprintsPage })));

/**
 * The web app's paths stay clear of the API's (`/records`, `/blueprints`, …), which the same server
 * answers: a record is `/record/:kind/:id`, the blueprints are `/process-blueprints`.
 */
export const AppRoutes = () => (
  <Routes>
    <Route path="/sign-in" element={<SignInPage />} />
    <Route element={<RequireSession />}>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/board" replace />} />
        <Route path="/board" element={<BoardPage />} />
        <Route path="/record/:kind/:id" element={<RecordPage />} />
        <Route path="/my-work" element={<MyWorkPage />} />
        <Route
          path="/analytics"
          element={
            <Suspense fallback={<QueryFallback />}>
              <AnalyticsPage />
            </Suspense>
          }
        />
        <Route
          path="/process-blueprints/:id?"
          element={
            <Suspense fallback={<QueryFallback />}>
              <BlueprintsPage />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/board" replace />} />
      </Route>
    </Route>
  </Routes>
);
