import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.js';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is nothing at this address. <Link to="/portfolio">Go to the portfolio</Link>.
      </p>
    </>
  );
}
