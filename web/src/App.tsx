import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { ApiProblem, whenSessionEnds } from './lib/api';
import { handlesCases, isAdmin, isPartner, isSupervisor, monitors, useSession } from './lib/session';
import { Layout } from './components/Layout';
import { SignInScreen, NotForYouScreen } from './components/SignIn';
import { Loading, ProblemAlert } from './components/Feedback';
import { CaseloadScreen } from './features/cases/CaseloadScreen';
import { RegisterCaseScreen } from './features/cases/RegisterCaseScreen';
import { CaseScreen } from './features/cases/CaseScreen';
import { ReportInboxScreen } from './features/lapor/ReportInboxScreen';
import { ReportScreen } from './features/lapor/ReportScreen';
import { NotFoundScreen } from './components/NotFound';
import { NotificationsScreen } from './features/notifications/NotificationsScreen';
import { AgenciesScreen } from './features/admin/AgenciesScreen';
import { ProvidersScreen } from './features/admin/ProvidersScreen';
import { SystemScreen } from './features/admin/SystemScreen';
import { UsersScreen } from './features/admin/UsersScreen';
import { AuditScreen } from './features/supervision/AuditScreen';
import { PartnerReferralScreen } from './features/partner/PartnerReferralScreen';
import { ReferralInboxScreen } from './features/partner/ReferralInboxScreen';
import { MyThreadsScreen, ThreadScreen } from './features/coordination/MyThreadsScreen';
import { PublicLayout } from './features/public/PublicLayout';
import { PublicReportScreen } from './features/public/PublicReportScreen';
import { TrackingScreen } from './features/public/TrackingScreen';
import { FieldScreen } from './features/field/FieldScreen';
import { FieldSync } from './features/field/status';

// the charts (Chart.js) load only for those who open the monitoring screen
const MonitoringScreen = lazy(() => import('./features/monitoring/MonitoringScreen'));

/** Lapor Sosial's pages for anyone, signed in or not. */
function PublicScreens() {
  return (
    <PublicLayout>
      <Routes>
        <Route path="/lapor" element={<PublicReportScreen />} />
        <Route path="/lapor/lacak" element={<TrackingScreen />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </PublicLayout>
  );
}

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // a refusal (4xx) is an answer, not a hiccup: retried never; a lost connection a few times
      retry: (count, error) => !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
      // run without a connection too: the reads fall back to what the device keeps (field mode), the others say "offline"
      networkMode: 'always',
    },
    // field mode queues what cannot be sent: a step is never held back by the client because the browser says offline
    mutations: { networkMode: 'always' },
  },
});

function Screens() {
  const location = useLocation();
  if (location.pathname === '/lapor' || location.pathname.startsWith('/lapor/')) return <PublicScreens />;
  return <PeoplesScreens />;
}

function PeoplesScreens() {
  const session = useSession();
  const client = useQueryClient();
  useEffect(() => whenSessionEnds(() => void client.invalidateQueries({ queryKey: ['session'] })), [client]);

  if (session.isPending) return <Loading />;
  if (session.isError) return <ProblemAlert error={session.error} />;
  if (!session.data.authenticated) return <SignInScreen session={session.data} />;
  const monitoring = <Suspense fallback={<Loading />}><MonitoringScreen session={session.data} /></Suspense>;
  if (!handlesCases(session.data)) {
    return (
      <Layout session={session.data}>
        {monitors(session.data) ? (
          <Routes>
            <Route path="/" element={monitoring} />
            <Route path="/monitoring" element={monitoring} />
            <Route path="/notifications" element={<NotificationsScreen session={session.data} />} />
            {isAdmin(session.data) && <Route path="/admin/users" element={<UsersScreen />} />}
            {isAdmin(session.data) && <Route path="/admin/agencies" element={<AgenciesScreen />} />}
            {isAdmin(session.data) && <Route path="/admin/providers" element={<ProvidersScreen />} />}
            {isAdmin(session.data) && <Route path="/admin/system" element={<SystemScreen />} />}
            {isAdmin(session.data) && <Route path="/audit" element={<AuditScreen session={session.data} />} />}
            <Route path="*" element={<NotFoundScreen />} />
          </Routes>
        ) : isPartner(session.data) ? (
          <Routes>
            <Route path="/" element={<ReferralInboxScreen />} />
            <Route path="/referrals/:referralId" element={<PartnerReferralScreen />} />
            <Route path="/threads" element={<MyThreadsScreen />} />
            <Route path="/threads/:caseId" element={<ThreadScreen />} />
            <Route path="/notifications" element={<NotificationsScreen session={session.data} />} />
            <Route path="*" element={<NotFoundScreen />} />
          </Routes>
        ) : (
          <Routes>
            <Route path="/notifications" element={<NotificationsScreen session={session.data} />} />
            <Route path="*" element={<NotForYouScreen session={session.data} />} />
          </Routes>
        )}
      </Layout>
    );
  }
  return (
    <Layout session={session.data}>
      <FieldSync username={session.data.username} regions={session.data.regions} />
      <Routes>
        {monitors(session.data) && <Route path="/monitoring" element={monitoring} />}
        {isSupervisor(session.data) && <Route path="/audit" element={<AuditScreen session={session.data} />} />}
        <Route path="/field" element={<FieldScreen />} />
        <Route path="/notifications" element={<NotificationsScreen session={session.data} />} />
        <Route path="/" element={<CaseloadScreen session={session.data} />} />
        <Route path="/cases/new" element={<RegisterCaseScreen session={session.data} />} />
        <Route path="/cases/:caseId" element={<CaseScreen session={session.data} />} />
        <Route path="/reports" element={<ReportInboxScreen />} />
        <Route path="/reports/:reportId" element={<ReportScreen session={session.data} />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </Layout>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        <Screens />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
