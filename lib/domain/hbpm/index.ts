export { HOME_TARGET_UNDER_80, MIN_DIARY_DAYS, aboveHomeTarget, averageReadings, homeAverage } from './average';
export type { DiaryDay, HomeAverage, Reading } from './average';
export { AVERAGE_TOLERANCE, gradeDiary } from './grade';
export type { DiaryAnswer, DiaryFeedback, DiaryVerdict } from './grade';
