package cn.sanshe.pipeline.demo.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A community's figures for S1. Households and population follow a slow trend plus a small
 * month-keyed wobble, so consecutive months differ a little, as re-counted figures do.
 *
 * @param facilityArea m² of the community service facility; null = no facility
 */
record CommunityProfile(Community community, int households, double personsPerHousehold,
        BigDecimal facilityArea, int grids, int volunteers, double monthlyGrowth, long wobbleSeed) {

    int householdsIn(YearMonth month) {
        long t = DemoClock.ANCHOR.until(month, ChronoUnit.MONTHS);
        return (int) Math.round(households * (1 + monthlyGrowth * t)) + Rng.of(wobbleSeed, "hh", community.code(), month).between(-6, 6);
    }

    int populationIn(YearMonth month) {
        return (int) Math.round(householdsIn(month) * personsPerHousehold)
                + Rng.of(wobbleSeed, "pop", community.code(), month).between(-9, 9);
    }

    int volunteersIn(YearMonth month) {
        long t = Math.max(0, DemoClock.CHURN_FROM.until(month, ChronoUnit.MONTHS));
        return volunteers + (int) (t * volunteers / 80);
    }
}
