<#import "/lib.ftl" as md>
## Daily Standup Pack - ${pack.calendar.date}

<@md.body/>
