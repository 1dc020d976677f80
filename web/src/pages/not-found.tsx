import { NotFoundState } from '../components/ui.tsx';

export default function NotFound() {
  return <NotFoundState />;
}
