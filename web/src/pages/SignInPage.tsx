import { useState } from 'preact/hooks';
import { signIn, signOut, useSession } from '../lib/session';
import { href } from '../lib/route';

/** Sign in with a name and password (set with `mlnav user add NAME --role ROLE --password-stdin`). */
export function SignInPage({ params }: { params: URLSearchParams }) {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const back = params.get('next') ?? '/radars';
  if (session.user)
    return (
      <section aria-labelledby="signin-title" class="narrow">
        <h1 id="signin-title">Signed in</h1>
        <p>
          You are <strong>{session.user.name}</strong> ({session.user.role}). <a href={href(back)}>Continue</a>
        </p>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </section>
    );
  return (
    <section aria-labelledby="signin-title" class="narrow">
      <h1 id="signin-title">Sign in</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget as HTMLFormElement);
          setBusy(true);
          setError(null);
          signIn(String(f.get('name') ?? ''), String(f.get('password') ?? ''))
            .then(() => (location.hash = href(back)))
            .catch((err: Error) => setError(err.message))
            .finally(() => setBusy(false));
        }}
      >
        <label class="filter">
          <span>Name</span>
          <input name="name" autoComplete="username" required />
        </label>
        <label class="filter">
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      <p class="muted small">Accounts are made by an administrator: mlnav user add NAME --role viewer|editor|admin --password-stdin.</p>
    </section>
  );
}
