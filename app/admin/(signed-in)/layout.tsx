import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { SignOutForm } from '../ui/sign-out-form';

/** Navigation for signed-in editors. Each page checks the session itself as well. */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin();
  return (
    <>
      <nav className="admin-nav" aria-label="Admin">
        <Link href="/admin/figures">Figures</Link>
        <Link href="/admin/sources">Sources</Link>
        <Link href="/admin/events">Events</Link>
        <Link href="/admin/import">Import</Link>
        <Link href="/admin/history">History</Link>
        <span className="who">Signed in as {user.email}</span>
        <SignOutForm />
      </nav>
      {children}
    </>
  );
}
