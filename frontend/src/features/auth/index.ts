// Logging in.

export { LoginPage } from './components/login-page';
