// The authenticated layout: header, navigation, account menu.

export { AppShellLayout } from './components/app-shell-layout';
