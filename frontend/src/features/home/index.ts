// The start page.

export { LandingPage } from './components/landing-page';
