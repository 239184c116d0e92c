import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="narrow stack">
      <h1>Page not found</h1>
      <p>We could not find that page. It may have moved.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
