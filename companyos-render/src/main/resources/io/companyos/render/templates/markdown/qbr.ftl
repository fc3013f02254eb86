<#import "/lib.ftl" as md>
## Q${pack.calendar.quarter} ${pack.calendar.year} Business Review

<@md.body/>
