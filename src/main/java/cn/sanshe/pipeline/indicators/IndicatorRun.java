package cn.sanshe.pipeline.indicators;

import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * A stored computation: what a report prints on every page (data cut-off time) and what it needs
 * to be rendered again with the same figures.
 *
 * @param dataCutoff the newest change among the inputs (a file loaded, a master updated); null
 *                   when nothing had been loaded
 */
public record IndicatorRun(long id, String scopeCode, YearMonth period, String profile, LocalDateTime computedAt,
        LocalDateTime dataCutoff) {
}
