import type { TimerHandler } from "../kernel/provider.js";
import { findMedia } from "./media-lookup.js";
import { ADVERT_ID } from "./timer-fields.js";
import { configuredStatus, enterMediaStatus, mediaTrafficTick, setMediaStatus, TIMER_MEDIA_DAY, TIMER_MEDIA_LAUNCH, TIMER_MEDIA_TRAFFIC } from "./media-machine.js";

/** Timers of media campaigns: the launch hold in status 4, hourly traffic, scheduled go-live and daily-limit resume. */
export const mediaTimers: Record<string, TimerHandler> = {
  [TIMER_MEDIA_LAUNCH]: (tenant, timer) => {
    const id = ADVERT_ID.read(timer.payload);
    const campaign = id === undefined ? undefined : findMedia(tenant, id);
    if (campaign === undefined || campaign.status !== 4 || campaign.launchTimer !== timer.id) return;
    campaign.launchTimer = null;
    const to = configuredStatus(tenant, campaign);
    setMediaStatus(tenant, campaign, to);
    return { advertId: campaign.advertId, status: to };
  },
  [TIMER_MEDIA_TRAFFIC]: (tenant, timer) => {
    const id = ADVERT_ID.read(timer.payload);
    const campaign = id === undefined ? undefined : findMedia(tenant, id);
    if (campaign === undefined) return;
    mediaTrafficTick(tenant, campaign, timer.id);
    return { advertId: campaign.advertId, status: campaign.status };
  },
  [TIMER_MEDIA_DAY]: (tenant, timer) => {
    const id = ADVERT_ID.read(timer.payload);
    const campaign = id === undefined ? undefined : findMedia(tenant, id);
    if (campaign === undefined || (campaign.status !== 5 && campaign.status !== 10) || campaign.dayTimer !== timer.id) return;
    campaign.dayTimer = null;
    const to = configuredStatus(tenant, campaign);
    if (to === campaign.status) enterMediaStatus(tenant, campaign);
    else setMediaStatus(tenant, campaign, to);
    return { advertId: campaign.advertId, status: to };
  },
};
