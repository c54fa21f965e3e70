import { LoginPage } from '@/features/auth';

/** `/login` */
export default function LoginRoute() {
  return <LoginPage />;
}
