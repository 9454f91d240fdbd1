// Jest setupFiles for page tests: `wx` and the globals every TDesign component
// touches must exist before miniprogram-simulate is required.
import { installWxDouble } from './wx-double';

const double = installWxDouble();
const g = globalThis as unknown as Record<string, unknown>;
g.__wxDouble = double;
g.getApp = () => ({ globalData: { ready: true } });
g.getCurrentPages = () => [];
