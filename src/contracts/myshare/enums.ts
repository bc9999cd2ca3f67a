import { z } from "zod";

/** The enumerations of the myshare API (seed 004, Schemas section). */

export const MS_CURRENCIES = ["USD", "RUB"] as const;
export const MsCurrency = z.enum(MS_CURRENCIES).meta({ id: "MsCurrency", description: "Available currencies" });

export const MS_DEVICES = ["All", "Desktop", "Mobile"] as const;
export const MsDevices = z.enum(MS_DEVICES).meta({ id: "MsDevices", description: "Available devices" });
export const MsAdaptability = z.enum(MS_DEVICES).meta({ id: "MsAdaptability", description: "Landing's adaptability to devices" });

export const MS_MODERATION_TYPES = ["FREE_ENTRY", "AUTO_MODERATION", "MANUAL_MODERATION"] as const;
export const MsModerationType = z.enum(MS_MODERATION_TYPES).meta({ id: "MsModerationType", description: "Moderation types" });

export const MS_REWARD_TYPES = ["RevShare", "CPA", "CPS", "CPL", "COD", "CPV", "CPO", "CPC"] as const;
export const MsRewardType = z.enum(MS_REWARD_TYPES).meta({ id: "MsRewardType", description: "Catalog's reward type" });

/**
 * Every deal status a deal can be in. Approved is set by the platform when the hold has passed; Rejected by
 * the platform's moderation (in the sandbox: the control plane's POST /__sandbox/myshare/deals/{id}/rejection).
 */
export const MS_DEAL_STATUSES = ["Created", "Paid", "Approved", "Canceled", "Rejected"] as const;
export const MsDealStatus = z.enum(MS_DEAL_STATUSES).meta({ id: "MsDealStatus", description: "Deal's status" });
export type MsDealStatus = z.infer<typeof MsDealStatus>;
/** What POST /deal/ accepts. */
export const MS_CREATE_DEAL_STATUSES = ["Created", "Paid"] as const;
export const MsCreateDealStatus = z.enum(MS_CREATE_DEAL_STATUSES).meta({ id: "MsCreateDealStatus" });
/** What PATCH /deal/{id}/ accepts. */
export const MS_UPDATE_DEAL_STATUSES = ["Paid", "Canceled", "Created"] as const;
export const MsUpdateDealStatus = z.enum(MS_UPDATE_DEAL_STATUSES).meta({ id: "MsUpdateDealStatus" });

/** ISO 3166-1 alpha-2 countries plus WW (worldwide), as OfferGeoEnum lists them. */
export const MS_OFFER_GEO = "AW AF AO AI AX AL AD AE AR AM AS AQ TF AG AU AT AZ BI BE BJ BQ BF BD BG BH BS BA BL BY BZ BM BO BR BB BN BT BV BW CF CA CC CH CL CN CI CM CD CG CK CO KM CV CR CU CW CX KY CY CZ DE DJ DM DK DO DZ EC EG ER EH ES EE ET FI FJ FK FR FO FM GA GB GE GG GH GI GN GP GM GW GQ GR GD GL GT GF GU GY HK HM HN HR HT HU ID IM IN IO IE IR IQ IS IL IT JM JE JO JP KZ KE KG KH KI KN KR KW LA LB LR LY LC LI LK LS LT LU LV MO MF MA MC MD MG MV MX MH MK ML MT MM ME MN MP MZ MR MS MQ MU MW MY YT NA NC NE NF NG NI NU NL NO NP NR NZ OM PK PA PN PE PH PW PG PL PR KP PT PY PS PF QA RE RO RU RW SA SD SN SG GS SH SJ SB SL SV SM SO PM RS SS ST SR SK SI SE SZ SX SC SY TC TD TG TH TJ TK TM TL TO TT TN TR TV TW TZ UG UA UM UY US UZ VA VC VE VG VI VN VU WF WS YE ZA ZM ZW WW".split(" ");
export const MsOfferGeo = z.enum(MS_OFFER_GEO).meta({ id: "MsOfferGeo", description: "A country (ISO 3166-1 alpha-2) or WW" });

/** Upper-case ISO 639-1 language codes, as LocalizationEnum lists them. */
export const MS_LOCALIZATIONS = "AA AB AE AF AK AM AN AR AS AV AY AZ BA BE BG BH BI BM BN BO BR BS CA CE CH CO CR CS CU CV CY DA DE DV DZ EE EL EN EO ES ET EU FA FF FI FJ FO FR FY GA GD GL GN GU GV HA HE HI HO HR HT HU HY HZ IA ID IE IG II IK IO IS IT IU JA JV KA KG KI KJ KK KL KM KN KO KR KS KU KV KW KY LA LB LG LI LN LO LT LU LV MG MH MI MK ML MN MR MS MT MY NA NB ND NE NG NL NN NO NR NV NY OC OJ OM OR OS PA PI PL PS PT QU RM RN RO RU RW SA SC SD SE SG SI SK SL SM SN SO SQ SR SS ST SU SV SW TA TE TG TH TI TK TL TN TO TR TS TT TW TY UG UK UR UZ VE VI VO WA WO XH YI YO ZA ZH ZU".split(" ");
export const MsLocalization = z.enum(MS_LOCALIZATIONS).meta({ id: "MsLocalization", description: "An upper-case ISO 639-1 language code" });
